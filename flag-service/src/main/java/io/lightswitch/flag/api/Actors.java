package io.lightswitch.flag.api;

import io.lightswitch.contracts.flag.Actor;
import io.lightswitch.flag.domain.access.Principal;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The audit actor of an admin request: the token that made it. */
final class Actors {

    private Actors() {
    }

    static Actor of(ContainerRequestContext request) {
        Principal principal = (Principal) request.getProperty(AdminAuthFilter.PRINCIPAL);
        return new Actor(Actor.USER, principal.credentialId(), principal.name());
    }
}
