package io.skilldesigner.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.workspace.Workspace;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What every page shares: the workspace, the node catalog, the status bar, a background executor and the skill
 * the user last worked on (so Live Preview opens on it).
 */
public final class AppContext implements AutoCloseable {
    private final Workspace workspace;
    private final NodeCatalog catalog;
    private final AppStatusBar statusBar;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sd-background");
        t.setDaemon(true);
        return t;
    });
    private final ObjectProperty<String> currentSkillId = new SimpleObjectProperty<>();

    public AppContext(Workspace workspace, NodeCatalog catalog, AppStatusBar statusBar) {
        this.workspace = workspace;
        this.catalog = catalog;
        this.statusBar = statusBar;
    }

    public Workspace workspace() {
        return workspace;
    }

    public NodeCatalog catalog() {
        return catalog;
    }

    public AppStatusBar statusBar() {
        return statusBar;
    }

    public ExecutorService background() {
        return background;
    }

    public ObjectProperty<String> currentSkillIdProperty() {
        return currentSkillId;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
