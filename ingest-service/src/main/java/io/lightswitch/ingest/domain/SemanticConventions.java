package io.lightswitch.ingest.domain;

/** The OpenTelemetry attribute and event names normalisation reads, deprecated spellings included. */
final class SemanticConventions {

    static final String SERVICE_NAME = "service.name";
    static final String UNKNOWN_SERVICE = "unknown_service";
    static final String DEPLOYMENT_ENVIRONMENT_NAME = "deployment.environment.name";
    static final String DEPLOYMENT_ENVIRONMENT = "deployment.environment";

    static final String HTTP_ROUTE = "http.route";
    static final String HTTP_RESPONSE_STATUS_CODE = "http.response.status_code";
    static final String HTTP_STATUS_CODE = "http.status_code";
    static final String ERROR_TYPE = "error.type";

    static final String EXCEPTION_EVENT = "exception";
    static final String EXCEPTION_TYPE = "exception.type";
    static final String EXCEPTION_MESSAGE = "exception.message";

    static final String ENDUSER_ID = "enduser.id";
    static final String USER_ID = "user.id";
    static final String SESSION_ID = "session.id";
    static final String USER_AGENT_ORIGINAL = "user_agent.original";
    static final String HTTP_USER_AGENT = "http.user_agent";
    static final String CLIENT_GEO_COUNTRY = "client.geo.country.iso_code";
    static final String GEO_COUNTRY = "geo.country.iso_code";
    static final String CLIENT_GEO_REGION = "client.geo.region.iso_code";
    static final String GEO_REGION = "geo.region.iso_code";
    static final String CLIENT_GEO_LOCALITY = "client.geo.locality.name";
    static final String GEO_LOCALITY = "geo.locality.name";

    static final String FEATURE_FLAG_EVALUATION = "feature_flag.evaluation";
    static final String EVENT_NAME = "event.name";
    static final String FEATURE_FLAG_KEY = "feature_flag.key";
    static final String FEATURE_FLAG_RESULT_VARIANT = "feature_flag.result.variant";
    static final String FEATURE_FLAG_VARIANT = "feature_flag.variant";
    static final String FEATURE_FLAG_RESULT_VALUE = "feature_flag.result.value";
    static final String FEATURE_FLAG_CONTEXT_ID = "feature_flag.context.id";

    private SemanticConventions() {
    }

    static String environment(Attributes resource) {
        return resource.text(DEPLOYMENT_ENVIRONMENT_NAME, DEPLOYMENT_ENVIRONMENT);
    }

    /** The variant served: the variant name when the provider has one, else the value itself. */
    static String variant(Attributes attributes) {
        String variant = attributes.text(FEATURE_FLAG_RESULT_VARIANT, FEATURE_FLAG_VARIANT);
        return variant != null ? variant : attributes.text(FEATURE_FLAG_RESULT_VALUE);
    }
}
