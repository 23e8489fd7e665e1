package io.lightswitch.workflow.domain.webhook;

/** A webhook body template that does not compile, or names a field the model does not have. */
public class TemplateException extends RuntimeException {
    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
