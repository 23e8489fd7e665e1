package io.lightswitch.flag.api;

import io.lightswitch.flag.domain.ValidationException;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

final class Bodies {

    private Bodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw ValidationException.of("body", "is required");
        }
        return body;
    }

    static <T> RestResponse<T> created(String location, T entity) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location)).entity(entity).build();
    }
}
