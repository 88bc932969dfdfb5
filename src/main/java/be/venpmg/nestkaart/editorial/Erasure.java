package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.kernel.Outbox;

import be.venpmg.nestkaart.kernel.Revisions;

import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.platform.Database;
import be.venpmg.nestkaart.kernel.NotFoundException;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The right to erasure of a natural person: the professional, their account, evidence, recognition, committee files,
 * links, changes, suggestions about them and their revisions are deleted in one transaction, and the index drops the
 * profile. What remains is one revision saying that an erasure happened, by whom and when, and nothing else.
 */
@Singleton
public class Erasure {
    private final Database database;
    private final Revisions revisions;
    private final ChangeStore changes;

    Erasure(Database database, Revisions revisions, ChangeStore changes) {
        this.database = database;
        this.revisions = revisions;
        this.changes = changes;
    }

    public void eraseProfessional(String id, CurrentAccount actor) throws SQLException {
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            List<String> accounts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM professional WHERE id = ? FOR UPDATE")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("professional", id);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM account WHERE professional_id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        accounts.add(rs.getString(1));
                    }
                }
            }
            delete(c, "DELETE FROM attribute WHERE link_id = ? AND link_entity = 'professional'", id);
            delete(c, "DELETE FROM change_suggestion WHERE listing_type = 'professional' AND listing_id = ?", id);
            changes.deleteForEntity(c, "professional", id);
            revisions.forget(c, "professional", id);
            for (String account : accounts) {
                revisions.forget(c, "account", account);
            }
            // The account (and its sessions), links, languages, evidence, recognition and committee files cascade.
            delete(c, "DELETE FROM professional WHERE id = ?", id);
            revisions.record(c, "professional", id, "erased", actor, null, null);
            Outbox.queue(c, "professional", id);
            c.commit();
        }
    }

    private static void delete(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }
}
