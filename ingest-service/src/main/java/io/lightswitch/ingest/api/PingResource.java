package io.lightswitch.ingest.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * A trivial endpoint of the same HTTP stack: {@code POST /ping} reads the body and answers 200, which is
 * the ceiling bench/ingest.sh compares OTLP ingest with.
 */
@Path("/ping")
public class PingResource {

    @GET
    public String ping() {
        return "pong";
    }

    @POST
    public Response ping(byte[] body) {
        return Response.ok("pong " + body.length).build();
    }
}
