package io.skilldesigner.app;

import javafx.scene.Node;

/** One page of the left navigation. */
public interface Page {
    String id();

    String title();

    Node view();

    /** Called each time the page is shown. */
    default void onShow() {
    }

    /** Asked before another page is shown; false keeps the user here (e.g. unsaved edits). */
    default boolean canLeave() {
        return true;
    }
}
