package io.lightswitch.workflow.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Table {@code known_environment}. */
@ApplicationScoped
public class KnownEnvironments {

    /** True only for the first transaction to commit a sighting of the environment. */
    public Uni<Boolean> firstSighting(SqlClient client, String project, String environment) {
        return client.preparedQuery("insert into known_environment (project, environment) values ($1, $2)"
                        + " on conflict do nothing")
                .execute(Tuple.of(project, environment)).map(rows -> rows.rowCount() == 1);
    }
}
