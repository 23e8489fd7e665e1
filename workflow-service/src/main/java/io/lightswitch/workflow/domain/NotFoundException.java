package io.lightswitch.workflow.domain;

/** A rule or incident that does not exist (in the project and environment asked about). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String kind, String id) {
        super(kind + " '" + id + "' does not exist");
    }
}
