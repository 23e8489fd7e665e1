package io.lightswitch.ingest.api;

import com.google.protobuf.Message;
import io.lightswitch.ingest.access.IngestAuthenticator;
import io.lightswitch.ingest.config.IngestConfig;
import io.lightswitch.ingest.domain.Attribution;
import io.lightswitch.ingest.domain.ExposureNormalizer;
import io.lightswitch.ingest.domain.InFlightBudget;
import io.lightswitch.ingest.domain.IngestException;
import io.lightswitch.ingest.domain.IngestService;
import io.lightswitch.ingest.domain.Normalized;
import io.lightswitch.ingest.domain.Signal;
import io.lightswitch.ingest.domain.SpanNormalizer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * OTLP/HTTP: {@code POST /v1/traces} and {@code /v1/logs} in protobuf or JSON, gzip or not. Decoding and
 * normalising run on a worker thread (a 20 MiB body takes seconds); the answer waits for the broker.
 */
@Path("/v1")
public class OtlpHttpResource {

    private final IngestAuthenticator authenticator;
    private final IngestService ingest;
    private final long maxBodySize;
    private final Duration retryAfter;

    public OtlpHttpResource(IngestAuthenticator authenticator, IngestService ingest, IngestConfig config) {
        this.authenticator = authenticator;
        this.ingest = ingest;
        this.maxBodySize = config.ingest().maxBodySize().asLongValue();
        this.retryAfter = config.ingest().retryAfter();
    }

    /** A request decoded and normalised, with what it holds of the in-flight budget. */
    private record Decoded<T>(Normalized<T> normalized, InFlightBudget.Lease lease) {
    }

    @POST
    @Path("/traces")
    public Uni<Response> traces(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @HeaderParam(IngestAuthenticator.KEY_HEADER) String key,
                                byte[] body) {
        return handle(Signal.TRACES, contentType, contentEncoding, authorization, key, body,
                (encoding, attribution) -> decoded -> SpanNormalizer.normalize(encoding.traces(decoded), attribution),
                decoded -> ingest.publishSpans(decoded.normalized(), decoded.lease()),
                normalized -> {
                    ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
                    if (normalized.rejected() > 0) {
                        response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                                .setRejectedSpans(normalized.rejected()).setErrorMessage(normalized.firstRejection()));
                    }
                    return response.build();
                });
    }

    @POST
    @Path("/logs")
    public Uni<Response> logs(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                              @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @HeaderParam(IngestAuthenticator.KEY_HEADER) String key,
                              byte[] body) {
        return handle(Signal.LOGS, contentType, contentEncoding, authorization, key, body,
                (encoding, attribution) -> decoded ->
                        ExposureNormalizer.normalize(encoding.logs(decoded), attribution, Instant.now()),
                decoded -> ingest.publishExposures(decoded.normalized(), decoded.lease()),
                normalized -> {
                    ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
                    if (normalized.rejected() > 0) {
                        response.setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
                                .setRejectedLogRecords(normalized.rejected())
                                .setErrorMessage(normalized.firstRejection()));
                    }
                    return response.build();
                });
    }

    private <T> Uni<Response> handle(Signal signal, String contentType, String contentEncoding,
                                     String authorization, String key, byte[] body,
                                     BiFunction<OtlpEncoding, Attribution, Function<byte[], Normalized<T>>> normalizer,
                                     Function<Decoded<T>, Uni<Void>> publish,
                                     Function<Normalized<T>, Message> answer) {
        OtlpEncoding encoding;
        Attribution attribution;
        try {
            encoding = OtlpEncoding.of(contentType);
            attribution = authenticator.authenticate(authorization, key);
        } catch (IngestException e) {
            ingest.refused(signal, e);
            return Uni.createFrom().item(OtlpHttpErrors.of(e, contentTypeKnown(contentType), retryAfter));
        }
        // taken before decoding: decoding is where a request's memory goes, so that is what must be bounded
        InFlightBudget.Lease lease;
        try {
            lease = ingest.admit(signal, body.length);
        } catch (IngestException e) {
            return Uni.createFrom().item(OtlpHttpErrors.of(e, encoding, retryAfter));
        }
        Function<byte[], Normalized<T>> normalize = normalizer.apply(encoding, attribution);
        return Uni.createFrom().item(() -> {
                    byte[] decoded = BodyDecoder.decode(body, contentEncoding, maxBodySize, lease::grow);
                    return new Decoded<>(normalize.apply(decoded), lease);
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(IngestException.class).invoke(e -> ingest.refused(signal, (IngestException) e))
                .chain(decoded -> publish.apply(decoded)
                        .map(done -> Response.ok(encoding.write(answer.apply(decoded.normalized())), encoding.mediaType)
                                .build()))
                .onFailure().recoverWithItem(e -> OtlpHttpErrors.of(e, encoding, retryAfter))
                .onTermination().invoke(lease::close);
    }

    /** The encoding to answer a refused request in: its own when it is an OTLP one, else JSON. */
    private static OtlpEncoding contentTypeKnown(String contentType) {
        try {
            return OtlpEncoding.of(contentType);
        } catch (IngestException e) {
            return null;
        }
    }
}
