package io.skilldesigner.engine.export;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import com.microsoft.azure.sdk.iot.device.hsm.UnixDomainSocketChannel;

/** The IoT Edge workload socket for the device SDK, on the JDK's own Unix domain sockets (Java 16+). */
final class JdkUnixSocketChannel implements UnixDomainSocketChannel {
    private SocketChannel channel;

    @Override
    public void open(String address) throws IOException {
        String path = address.startsWith("unix://") ? address.substring("unix://".length()) : address;
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(path));
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    @Override
    public int read(byte[] bytes) throws IOException {
        return channel.read(ByteBuffer.wrap(bytes));
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
