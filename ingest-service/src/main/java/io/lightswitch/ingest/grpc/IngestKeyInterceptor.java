package io.lightswitch.ingest.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.lightswitch.ingest.access.IngestAuthenticator;
import io.lightswitch.ingest.domain.Attribution;
import io.lightswitch.ingest.domain.IngestException;
import io.lightswitch.ingest.domain.IngestService;
import io.lightswitch.ingest.domain.Signal;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

/** Authenticates every OTLP/gRPC call by its ingest key, before the request message is even read. */
@GlobalInterceptor
@ApplicationScoped
public class IngestKeyInterceptor implements ServerInterceptor {

    static final Context.Key<Attribution> ATTRIBUTION = Context.key("lightswitch-attribution");
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> INGEST_KEY =
            Metadata.Key.of(IngestAuthenticator.KEY_HEADER, Metadata.ASCII_STRING_MARSHALLER);

    private final IngestAuthenticator authenticator;
    private final IngestService ingest;

    public IngestKeyInterceptor(IngestAuthenticator authenticator, IngestService ingest) {
        this.authenticator = authenticator;
        this.ingest = ingest;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        Attribution attribution;
        try {
            attribution = authenticator.authenticate(headers.get(AUTHORIZATION), headers.get(INGEST_KEY));
        } catch (IngestException e) {
            String service = call.getMethodDescriptor().getServiceName();
            ingest.refused(service != null && service.contains(".logs.") ? Signal.LOGS : Signal.TRACES, e);
            call.close(GrpcStatuses.of(e), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(ATTRIBUTION, attribution), call, headers, next);
    }
}
