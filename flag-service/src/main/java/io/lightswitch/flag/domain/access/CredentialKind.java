package io.lightswitch.flag.domain.access;

import java.util.Locale;

public enum CredentialKind {
    /** Admin API bearer token. */
    ADMIN("adm"),
    /** OFREP and server SDKs: every flag. */
    SERVER("srv"),
    /** Browsers: only client-visible flags. */
    CLIENT("cli"),
    /** Telemetry ingest. */
    INGEST("ing");

    private final String prefix;

    CredentialKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CredentialKind fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
