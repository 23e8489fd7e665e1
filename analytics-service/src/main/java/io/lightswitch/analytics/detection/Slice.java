package io.lightswitch.analytics.detection;

/** Where a contrast is measured: everywhere, or one service and operation (e.g. checkout-service, POST /pay). */
public record Slice(String service, String operation) {

    public static final Slice ALL = new Slice("", "");

    public boolean isAll() {
        return service.isEmpty() && operation.isEmpty();
    }

    @Override
    public String toString() {
        return isAll() ? "all traffic" : (service + " " + operation).trim();
    }
}
