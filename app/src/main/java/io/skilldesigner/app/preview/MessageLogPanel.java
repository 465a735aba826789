package io.skilldesigner.app.preview;

import java.util.List;

import io.skilldesigner.app.ui.JsonTree;
import io.skilldesigner.engine.runtime.ExportMessage;
import javafx.scene.Node;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** The messages tab: one collapsible JSON tree per message the exports send, newest first (as Node-RED's debug). */
final class MessageLogPanel {
    private static final int LOG_LIMIT = 500;

    private final TreeItem<String> messageLog = new TreeItem<>("Messages");
    private final TreeView<String> view = new TreeView<>(messageLog);

    MessageLogPanel() {
        view.setShowRoot(false);
        messageLog.setExpanded(true);
        view.setId("preview-messages");
        view.getStyleClass().add("message-log");
    }

    Node view() {
        return view;
    }

    void clear() {
        messageLog.getChildren().clear();
    }

    /** Adds {@code messages} on top, keeping the newest {@value #LOG_LIMIT}. */
    void add(List<ExportMessage> messages) {
        for (ExportMessage m : messages) {
            messageLog.getChildren().add(0, JsonTree.of(m.exportType() + " → " + m.target()
                    + (m.route().isBlank() ? "" : "  [" + m.route() + "]"), m.body()));
        }
        if (messageLog.getChildren().size() > LOG_LIMIT) {
            messageLog.getChildren().remove(LOG_LIMIT, messageLog.getChildren().size());
        }
    }
}
