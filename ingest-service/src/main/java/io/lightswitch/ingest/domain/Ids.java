package io.lightswitch.ingest.domain;

import com.google.protobuf.ByteString;
import java.util.HexFormat;

/** Trace and span ids: 16 and 8 bytes, not all zero (the W3C and OTLP rule for a valid id). */
final class Ids {

    static final int TRACE_ID_BYTES = 16;
    static final int SPAN_ID_BYTES = 8;
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {
    }

    static boolean valid(ByteString id, int length) {
        if (id.size() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (id.byteAt(i) != 0) {
                return true;
            }
        }
        return false;
    }

    static String hex(ByteString id) {
        return HEX.formatHex(id.toByteArray());
    }
}
