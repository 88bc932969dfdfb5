package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.FaultTest;
import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.platform.Database;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change committed to the database but not yet to the index survives the process going away: the index commit
 * records how far in the outbox it stands, and the next start carries on from there. A damaged index is rebuilt.
 */
@FaultTest
class CrashRecoveryTest {
    private static final String DATABASE = "nkt_crashrecoverytest";
    private final Path indexDir = Path.of("target", "test-index", DATABASE).toAbsolutePath();

    @Test
    void aChangeBetweenDatabaseCommitAndIndexCommitIsNotLost() throws Exception {
        MariaDbTestSupport.recreate(DATABASE);
        try (ApplicationContext first = start()) {
            first.getBean(IndexMaintainer.class).start();
            try (Connection c = first.getBean(Database.class).open(); Statement s = c.createStatement()) {
                insertOrganization(s, "11111111-1111-4111-8111-111111111111", "Crashtest", "x");
                s.executeUpdate("INSERT INTO outbox (entity_type, entity_id, operation) VALUES "
                        + "('organization', '11111111-1111-4111-8111-111111111111', 'upsert')");
            }
            first.getBean(IndexMaintainer.class).drainOnce(); // the index holds the organisation
            try (Connection c = first.getBean(Database.class).open(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.executeUpdate("INSERT INTO service (id, organization_id, name, status, publication_status, created_at, updated_at) VALUES "
                        + "('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111', "
                        + "'Overlevingsdienst', 'active', 'published', '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
                s.executeUpdate("INSERT INTO outbox (entity_type, entity_id, operation) VALUES "
                        + "('service', '22222222-2222-4222-8222-222222222222', 'upsert')");
                c.commit();
            }
            // The process dies here: the poller never ran (poll interval of an hour), nothing reached the index.
        }
        assertEquals(0, hits("22222222-2222-4222-8222-222222222222"), "not in the index before the restart");
        try (ApplicationContext second = start()) {
            IndexMaintainer maintainer = second.getBean(IndexMaintainer.class);
            assertFalse(maintainer.start(), "a clean restart carries the index on: the outbox brings the change");
            maintainer.drainOnce();
            assertTrue(maintainer.caughtUp());
            long committed = SegmentInfos.getLastCommitGeneration(FSDirectory.open(indexDir));
            assertEquals(0, maintainer.drainOnce());
            assertEquals(committed, SegmentInfos.getLastCommitGeneration(FSDirectory.open(indexDir)),
                    "an idle poll commits nothing");
        }
        assertEquals(1, hits("22222222-2222-4222-8222-222222222222"));
        try (CheckIndex check = new CheckIndex(FSDirectory.open(indexDir))) {
            assertTrue(check.checkIndex().clean);
        }
    }

    @Test
    void aCorruptIndexIsDetectedAndRebuiltFromTheDatabase() throws Exception {
        MariaDbTestSupport.recreate(DATABASE);
        try (ApplicationContext first = start()) {
            try (Connection c = first.getBean(Database.class).open(); Statement s = c.createStatement()) {
                insertOrganization(s, "33333333-3333-4333-8333-333333333333", "Herstel", "x");
            }
            first.getBean(IndexMaintainer.class).start();
        }
        try (var files = Files.list(indexDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".cfs")
                    || f.getFileName().toString().endsWith(".si")).toList()) {
                Files.write(file, new byte[]{1, 2, 3});
            }
        }
        Map<String, Object> properties = new java.util.HashMap<>(properties());
        properties.put("micronaut.server.port", -1);
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            // Until the damaged index is rebuilt, search and readiness say 503, with a problem body.
            ApiClient api = new ApiClient(second.getURL());
            ApiClient.Response early = api.get("/api/v1/search?q=herstel");
            assertEquals(503, early.status());
            assertTrue(early.contentType().startsWith("application/problem+json"));
            assertEquals(503, api.get("/health/readiness").status());
            assertEquals(200, api.get("/health/liveness").status(), "alive while it rebuilds");
            assertTrue(second.getApplicationContext().getBean(IndexMaintainer.class).start(), "rebuilt");
            assertEquals(1, api.get("/api/v1/search?q=herstel&kind=organization").json().get("total").asInt());
            assertEquals(200, api.get("/health/readiness").status());
        }
        assertEquals(1, hits("33333333-3333-4333-8333-333333333333"));
    }

    @Test
    void aByteDamagedDeepInsideTheIndexIsFoundAfterTheStartAndTheIndexRebuilt() throws Exception {
        MariaDbTestSupport.recreate(DATABASE);
        String organization = "66666666-6666-4666-8666-666666666666";
        try (ApplicationContext first = start()) {
            try (Connection c = first.getBean(Database.class).open(); Statement s = c.createStatement()) {
                insertOrganization(s, organization, "Beschadigd", "x");
                // Enough text that the index is mostly postings and stored text, read only when a search needs them.
                for (int i = 0; i < 300; i++) {
                    insertOrganization(s, String.format("%08d-6666-4666-8666-666666666666", i), "Organisatie " + i,
                            ("Begeleiding van ouders nummer " + i + " bij slapen, huilen en hechting. ").repeat(8));
                }
            }
            first.getBean(IndexMaintainer.class).start();
        }
        Path largest;
        try (var files = Files.list(indexDir)) {
            largest = files.max(java.util.Comparator.comparingLong(file -> file.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(largest);
        bytes[bytes.length / 2] ^= 0x5a; // the segment's headers and footers stay whole: opening does not see it
        Files.write(largest, bytes);
        try (ApplicationContext second = start()) {
            IndexMaintainer maintainer = second.getBean(IndexMaintainer.class);
            assertFalse(maintainer.start(), "the index is served at once");
            assertTrue(maintainer.rebuildIfDamaged(), "the checksums find the damage, and it is rebuilt");
            assertFalse(maintainer.rebuildIfDamaged(), "rebuilt whole");
        }
        assertEquals(1, hits(organization));
    }

    @Test
    void aRebuildThatFailsHalfWayLeavesTheIndexAsItWas() throws Exception {
        MariaDbTestSupport.recreate(DATABASE);
        String organization = "55555555-5555-4555-8555-555555555555";
        try (ApplicationContext context = start()) {
            try (Connection c = context.getBean(Database.class).open(); Statement s = c.createStatement()) {
                insertOrganization(s, organization, "Blijvend", "x");
            }
            IndexMaintainer maintainer = context.getBean(IndexMaintainer.class);
            maintainer.start();
            SearchIndex index = context.getBean(SearchIndex.class);
            String position = index.outboxState();
            // The database goes away after the first chunk: the old documents are deleted in the writer by then.
            assertThrows(IllegalStateException.class, () -> index.replaceAll(sink -> {
                sink.accept(List.of());
                throw new IllegalStateException("database gone");
            }, position));
            assertEquals(1, searched(index, organization), "searches still see the last commit");
            index.apply(List.of(), List.of(), position); // the next commit must not carry the half rebuild
            assertEquals(1, searched(index, organization), "and so does the next commit");
            assertEquals(1, maintainer.rebuild(), "a rebuild after the failure works as usual");
        }
        assertEquals(1, hits(organization));
    }

    private static int searched(SearchIndex index, String id) throws Exception {
        FacetSearcher searcher = index.acquire();
        try {
            return searcher.count(new TermQuery(new Term(IndexSchema.ID, id)));
        } finally {
            index.release(searcher);
        }
    }

    @Test
    void anIndexBuiltFromAnotherDatabaseIsRebuilt() throws Exception {
        MariaDbTestSupport.recreate(DATABASE);
        try (ApplicationContext first = start()) {
            try (Connection c = first.getBean(Database.class).open(); Statement s = c.createStatement()) {
                insertOrganization(s, "44444444-4444-4444-8444-444444444444", "Oud", "x");
            }
            first.getBean(IndexMaintainer.class).start();
        }
        assertEquals(1, hits("44444444-4444-4444-8444-444444444444"));
        MariaDbTestSupport.recreate(DATABASE); // a new, empty database behind the same data directory
        try (ApplicationContext second = start()) {
            second.getBean(IndexMaintainer.class).start();
        }
        assertEquals(0, hits("44444444-4444-4444-8444-444444444444"));
    }

    private static void insertOrganization(Statement s, String id, String name, String description)
            throws java.sql.SQLException {
        s.executeUpdate("INSERT INTO organization (id, name, description, publication_status, created_at, updated_at) "
                + "VALUES ('" + id + "', '" + name + "', '" + description + "', 'published', '2026-01-01 00:00:00', "
                + "'2026-01-01 00:00:00')");
    }

    private ApplicationContext start() {
        return ApplicationContext.run(properties(), "test");
    }

    private Map<String, Object> properties() {
        return Map.of(
                "datasources.default.url", MariaDbTestSupport.url(DATABASE),
                "datasources.default.username", MariaDbTestSupport.USER,
                "datasources.default.password", MariaDbTestSupport.PASSWORD,
                "nestkaart.embedded-db.enabled", false,
                "nestkaart.seed.enabled", false,
                "nestkaart.search.open-on-startup", false,
                "nestkaart.search.outbox-poll", "1h",
                "nestkaart.search.index-dir", indexDir.toString());
    }

    private long hits(String id) throws Exception {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(IndexSchema.ID, id)));
        }
    }
}
