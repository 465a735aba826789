package io.skilldesigner.app.ui;

import java.util.List;
import java.util.function.Supplier;

import javafx.scene.Node;

/**
 * One step of a {@link StepWizard}.
 *
 * @param problems what stops the user from going on (empty = may go on); re-evaluated on Next
 */
public record WizardStep(String title, Node content, Supplier<List<String>> problems, Runnable onEnter) {
    public WizardStep(String title, Node content, Supplier<List<String>> problems) {
        this(title, content, problems, () -> { });
    }
}
