package io.lightswitch.access;

import java.util.Locale;

/** The roles flag-service gives admin tokens, with what each may do on this service's API. */
public enum AdminRole {
    /** Everything. */
    ADMIN,
    /** Read-only: GET and HEAD. */
    VIEWER,
    /**
     * Other Lightswitch services. Unlike on flag-service, where a service token only reads, here it may
     * also write: the workflow and analytics APIs are driven by other services (acknowledging, re-running),
     * not by people.
     */
    SERVICE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a wire name, or null for one this version does not know (such a token is not accepted). */
    public static AdminRole fromWire(String name) {
        if (name == null) {
            return null;
        }
        for (AdminRole role : values()) {
            if (role.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        return null;
    }

    public boolean mayWrite() {
        return this != VIEWER;
    }
}
