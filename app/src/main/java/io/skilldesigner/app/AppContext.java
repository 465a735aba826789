package io.skilldesigner.app;

import java.util.concurrent.ExecutorService;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.workspace.Workspace;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What every page shares: the workspace, the node catalog, the status bar, the background tasks (the one way to
 * run work off the FX thread) and the skill the user last worked on (so Live Preview opens on it).
 */
public final class AppContext implements AutoCloseable {
    private final Workspace workspace;
    private final NodeCatalog catalog;
    private final AppStatusBar statusBar;
    private final BackgroundTasks tasks;
    private final ObjectProperty<String> currentSkillId = new SimpleObjectProperty<>();

    public AppContext(Workspace workspace, NodeCatalog catalog, AppStatusBar statusBar) {
        this.workspace = workspace;
        this.catalog = catalog;
        this.statusBar = statusBar;
        this.tasks = new BackgroundTasks(statusBar);
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

    /** Background work with its result and failure handed back on the FX thread. */
    public BackgroundTasks tasks() {
        return tasks;
    }

    /** The pool behind {@link #tasks()}, for helpers that take an executor (file openers, frame grabs). */
    public ExecutorService background() {
        return tasks.executor();
    }

    public ObjectProperty<String> currentSkillIdProperty() {
        return currentSkillId;
    }

    @Override
    public void close() {
        tasks.close();
    }
}
