package io.lightswitch.ingest.grpc;

import io.grpc.stub.StreamObserver;
import io.lightswitch.ingest.domain.Attribution;
import io.lightswitch.ingest.domain.ExposureNormalizer;
import io.lightswitch.ingest.domain.IngestService;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Instant;

/** OTLP/gRPC {@code LogsService/Export}: flag evaluation records become exposures. */
@GrpcService
public class LogsGrpcService extends LogsServiceGrpc.LogsServiceImplBase {

    private final IngestService ingest;

    public LogsGrpcService(IngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public void export(ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> observer) {
        Attribution attribution = IngestKeyInterceptor.ATTRIBUTION.get();
        Uni.createFrom().item(() -> ExposureNormalizer.normalize(request, attribution, Instant.now()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(exposures -> ingest.publishExposures(exposures, request.getSerializedSize()).map(done -> {
                    ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
                    if (exposures.rejected() > 0) {
                        response.setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
                                .setRejectedLogRecords(exposures.rejected())
                                .setErrorMessage(exposures.firstRejection()));
                    }
                    return response.build();
                }))
                .subscribe().with(response -> {
                    observer.onNext(response);
                    observer.onCompleted();
                }, failure -> observer.onError(GrpcStatuses.of(failure).asRuntimeException()));
    }
}
