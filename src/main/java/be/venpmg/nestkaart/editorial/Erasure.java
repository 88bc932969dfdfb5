package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.kernel.Outbox;

import be.venpmg.nestkaart.kernel.Revisions;

import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.kernel.NotFoundException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The right to erasure of a natural person: the professional, their account, evidence, recognition, committee files,
 * links, changes, suggestions about them and their revisions are deleted in one transaction, and the index drops the
 * profile. What remains is one revision saying that an erasure happened, by whom and when, and nothing else.
 */
@Singleton
public class Erasure {
    private final JdbcOperations jdbc;
    private final Revisions revisions;
    private final ChangeStore changes;
    private final Outbox outbox;

    Erasure(JdbcOperations jdbc, Revisions revisions, ChangeStore changes, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.revisions = revisions;
        this.changes = changes;
    }

    @Transactional
    public void eraseProfessional(String id, CurrentAccount actor) {
        List<String> accounts = jdbc.execute(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM professional WHERE id = ? FOR UPDATE")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("professional", id);
                    }
                }
            }
            List<String> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM account WHERE professional_id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
            return found;
        });
        delete("DELETE FROM attribute WHERE link_id = ? AND link_entity = 'professional'", id);
        delete("DELETE FROM change_suggestion WHERE listing_type = 'professional' AND listing_id = ?", id);
        changes.deleteForEntity("professional", id);
        revisions.forget("professional", id);
        for (String account : accounts) {
            revisions.forget("account", account);
        }
        // The account (and its sessions), links, languages, evidence, recognition and committee files cascade.
        delete("DELETE FROM professional WHERE id = ?", id);
        revisions.record("professional", id, "erased", actor, null, null);
        outbox.queue("professional", id);
    }

    private void delete(String sql, String id) {
        jdbc.prepareStatement(sql, s -> {
            s.setString(1, id);
            return s.executeUpdate();
        });
    }
}
