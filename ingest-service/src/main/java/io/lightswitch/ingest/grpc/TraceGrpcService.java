package io.lightswitch.ingest.grpc;

import io.grpc.stub.StreamObserver;
import io.lightswitch.ingest.domain.Attribution;
import io.lightswitch.ingest.domain.IngestService;
import io.lightswitch.ingest.domain.SpanNormalizer;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** OTLP/gRPC {@code TraceService/Export}: the same normalisation and delivery as OTLP/HTTP. */
@GrpcService
public class TraceGrpcService extends TraceServiceGrpc.TraceServiceImplBase {

    private final IngestService ingest;

    public TraceGrpcService(IngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public void export(ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> observer) {
        Attribution attribution = IngestKeyInterceptor.ATTRIBUTION.get();
        Uni.createFrom().item(() -> SpanNormalizer.normalize(request, attribution))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(spans -> ingest.publishSpans(spans, request.getSerializedSize()).map(done -> {
                    ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
                    if (spans.rejected() > 0) {
                        response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                                .setRejectedSpans(spans.rejected()).setErrorMessage(spans.firstRejection()));
                    }
                    return response.build();
                }))
                .subscribe().with(response -> {
                    observer.onNext(response);
                    observer.onCompleted();
                }, failure -> observer.onError(GrpcStatuses.of(failure).asRuntimeException()));
    }
}
