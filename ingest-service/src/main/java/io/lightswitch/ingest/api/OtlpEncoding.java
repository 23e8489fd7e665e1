package io.lightswitch.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.lightswitch.ingest.domain.IngestException;
import io.lightswitch.ingest.domain.IngestException.Kind;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The two OTLP/HTTP encodings: how a request is read and how the answer is written in the same encoding. */
enum OtlpEncoding {
    PROTOBUF("application/x-protobuf"),
    JSON("application/json");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OtlpJsonReader TRACES_JSON = new OtlpJsonReader(MAPPER, OtlpJsonReader.TRACES);
    private static final OtlpJsonReader LOGS_JSON = new OtlpJsonReader(MAPPER, OtlpJsonReader.LOGS);
    private static final JsonFormat.Printer JSON_PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    final String mediaType;

    OtlpEncoding(String mediaType) {
        this.mediaType = mediaType;
    }

    static OtlpEncoding of(String contentType) {
        if (contentType != null) {
            String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            for (OtlpEncoding encoding : values()) {
                if (encoding.mediaType.equals(type)) {
                    return encoding;
                }
            }
        }
        throw new IngestException(Kind.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type " + contentType + " is not supported; send application/x-protobuf or application/json");
    }

    ExportTraceServiceRequest traces(byte[] body) {
        try {
            if (this == PROTOBUF) {
                return ExportTraceServiceRequest.parseFrom(body);
            }
            return TRACES_JSON.read(body, ExportTraceServiceRequest.newBuilder()).build();
        } catch (IOException | RuntimeException e) {
            throw undecodable(e);
        }
    }

    ExportLogsServiceRequest logs(byte[] body) {
        try {
            if (this == PROTOBUF) {
                return ExportLogsServiceRequest.parseFrom(body);
            }
            return LOGS_JSON.read(body, ExportLogsServiceRequest.newBuilder()).build();
        } catch (IOException | RuntimeException e) {
            throw undecodable(e);
        }
    }

    byte[] write(Message message) {
        if (this == PROTOBUF) {
            return message.toByteArray();
        }
        try {
            return JSON_PRINTER.print(message).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + message.getDescriptorForType().getName(), e);
        }
    }

    private IngestException undecodable(Exception e) {
        if (e instanceof IngestException ingest) {
            return ingest;
        }
        String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return new IngestException(Kind.UNDECODABLE,
                "the body is not a valid OTLP " + (this == PROTOBUF ? "protobuf" : "JSON") + " message: " + detail, e);
    }
}
