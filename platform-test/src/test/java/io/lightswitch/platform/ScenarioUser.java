package io.lightswitch.platform;

import java.util.ArrayList;
import java.util.List;

/** A user of the shop the scenario simulates; staff have an address at the shop's own domain. */
record ScenarioUser(String id, String email, boolean staff) {

    static final String STAFF_DOMAIN = "@shop.example";

    /** {@code count} users, every {@code staffEvery}-th of them staff. */
    static List<ScenarioUser> population(int count, int staffEvery) {
        List<ScenarioUser> users = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String id = String.format("user-%05d", i);
            boolean staff = i % staffEvery == 0;
            users.add(new ScenarioUser(id, id + (staff ? STAFF_DOMAIN : "@mail.example"), staff));
        }
        return users;
    }
}
