package be.venpmg.nestkaart.kernel;

import java.util.UUID;

/** Identifiers of new records: random UUIDs, as HSDS datasets carry them. */
public final class Ids {
    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
