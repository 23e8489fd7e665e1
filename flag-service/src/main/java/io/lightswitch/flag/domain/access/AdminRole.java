package io.lightswitch.flag.domain.access;

import java.util.Locale;

public enum AdminRole {
    /** Everything. */
    ADMIN,
    /** Read-only: GET requests. */
    VIEWER,
    /** Other Lightswitch services: read-only, plus the credential hashes they authenticate with. */
    SERVICE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AdminRole fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean mayWrite() {
        return this == ADMIN;
    }
}
