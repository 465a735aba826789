package io.skilldesigner.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading our text files: UTF-8, strictly (a stray binary file is reported, not half-decoded). */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * @param source how errors name the file
     */
    public static String readUtf8(Path file, String source) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new FileFormatException(source, 0, 0, "", "not UTF-8 text");
        }
    }
}
