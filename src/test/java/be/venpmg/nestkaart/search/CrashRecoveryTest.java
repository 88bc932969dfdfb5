package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.platform.Database;
import io.micronaut.context.ApplicationContext;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change committed to the database but not yet to the index survives the process going away: the outbox row
 * stays until an index commit contains the change, and the next start indexes it. A damaged index is rebuilt.
 */
class CrashRecoveryTest {
    private static final String DATABASE = "nkt_crashrecoverytest";
    private final Path indexDir = Path.of("target", "test-index", DATABASE).toAbsolutePath();

    @Test
    void aChangeBetweenDatabaseCommitAndIndexCommitIsNotLost() throws Exception {
        MariaDbTestSupport.recreate(DATABASE);
        try (ApplicationContext first = start()) {
            first.getBean(IndexMaintainer.class).start();
            try (Connection c = first.getBean(Database.class).open(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO organization (id, name, description, publication_status) "
                        + "VALUES ('11111111-1111-4111-8111-111111111111', 'Crashtest', 'x', 'published')");
                s.executeUpdate("INSERT INTO outbox (entity_type, entity_id, operation) VALUES "
                        + "('organization', '11111111-1111-4111-8111-111111111111', 'upsert')");
            }
            first.getBean(IndexMaintainer.class).drainOnce(); // the index holds the organisation
            try (Connection c = first.getBean(Database.class).open(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.executeUpdate("INSERT INTO service (id, organization_id, name, status, publication_status) VALUES "
                        + "('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111', "
                        + "'Overlevingsdienst', 'active', 'published')");
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
            try (Connection c = second.getBean(Database.class).open()) {
                assertEquals("0", Sql.scalar(c, "SELECT COUNT(*) FROM outbox"));
            }
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
                s.executeUpdate("INSERT INTO organization (id, name, description, publication_status) "
                        + "VALUES ('33333333-3333-4333-8333-333333333333', 'Herstel', 'x', 'published')");
            }
            first.getBean(IndexMaintainer.class).start();
        }
        try (var files = Files.list(indexDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".cfs")
                    || f.getFileName().toString().endsWith(".si")).toList()) {
                Files.write(file, new byte[]{1, 2, 3});
            }
        }
        try (ApplicationContext second = start()) {
            second.getBean(IndexMaintainer.class).start();
            assertTrue(second.getBean(SearchIndex.class).isReady());
        }
        assertEquals(1, hits("33333333-3333-4333-8333-333333333333"));
    }

    @Test
    void anIndexBuiltFromAnotherDatabaseIsRebuilt() throws Exception {
        MariaDbTestSupport.recreate(DATABASE);
        try (ApplicationContext first = start()) {
            try (Connection c = first.getBean(Database.class).open(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO organization (id, name, description, publication_status) "
                        + "VALUES ('44444444-4444-4444-8444-444444444444', 'Oud', 'x', 'published')");
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

    private ApplicationContext start() {
        return ApplicationContext.run(Map.of(
                "datasources.default.url", MariaDbTestSupport.url(DATABASE),
                "datasources.default.username", MariaDbTestSupport.USER,
                "datasources.default.password", MariaDbTestSupport.PASSWORD,
                "nestkaart.embedded-db.enabled", false,
                "nestkaart.seed.enabled", false,
                "nestkaart.search.open-on-startup", false,
                "nestkaart.search.outbox-poll", "1h",
                "nestkaart.search.index-dir", indexDir.toString()), "test");
    }

    private long hits(String id) throws Exception {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(IndexSchema.ID, id)));
        }
    }
}
