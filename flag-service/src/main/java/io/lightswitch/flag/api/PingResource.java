package io.lightswitch.flag.api;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Does nothing but answer, through the same HTTP and JSON stack as OFREP: the benchmark's ceiling, and
 * a cheap reachability probe for load balancers.
 */
@Path("/ping")
@Tag(name = "Operations")
public class PingResource {

    private static final Map<String, String> PONG = Map.of("status", "ok");

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answers {status: ok}")
    public Map<String, String> get() {
        return PONG;
    }

    @POST
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answers {status: ok}, ignoring the body")
    public Map<String, String> post(byte[] ignored) {
        return PONG;
    }
}
