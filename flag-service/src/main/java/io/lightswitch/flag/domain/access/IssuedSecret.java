package io.lightswitch.flag.domain.access;

import java.time.Instant;

/** A newly issued key or token: the only time its secret is ever returned. */
public record IssuedSecret(String id, CredentialKind kind, String role, String name, String secret, String prefix,
                           Instant createdAt) {
}
