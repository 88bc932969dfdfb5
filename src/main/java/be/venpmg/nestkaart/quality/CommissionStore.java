package be.venpmg.nestkaart.quality;

import be.venpmg.nestkaart.access.RequestRefusedException;
import be.venpmg.nestkaart.kernel.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code committee_file}, {@code committee_vote} and {@code committee_event} tables. */
@Singleton
class CommissionStore {
    private static final String FILES = "SELECT f.id, f.professional_id, CONCAT(p.given_name, ' ', p.family_name), "
            + "f.level, f.rule_version, f.status, f.opened_at, f.decided_by, a.display_name, f.decided_at, "
            + "f.decision_reason, f.question, f.question_asked_at FROM committee_file f "
            + "JOIN professional p ON p.id = f.professional_id LEFT JOIN account a ON a.id = f.decided_by ";
    private final JdbcOperations jdbc;
    private final Clock clock;

    CommissionStore(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A file locked until the caller's transaction ends. */
    record Locked(String professionalId, String level, String status) {
    }

    @ReadOnly
    List<CommitteeFile> files(String status) {
        return query(FILES + "WHERE f.status = ? ORDER BY f.opened_at", status);
    }

    @ReadOnly
    List<CommitteeFile> ofProfessional(String professionalId) {
        return query(FILES + "WHERE f.professional_id = ? ORDER BY f.opened_at DESC", professionalId);
    }

    @ReadOnly
    CommitteeFile file(long id) {
        return query(FILES + "WHERE f.id = ?", String.valueOf(id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("committee file", String.valueOf(id)));
    }

    @Transactional
    Locked lock(long fileId) {
        return jdbc.prepareStatement("SELECT professional_id, level, status FROM committee_file "
                + "WHERE id = ? FOR UPDATE", s -> {
            s.setLong(1, fileId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("committee file", String.valueOf(fileId));
                }
                return new Locked(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        });
    }

    /** Records or replaces the member's vote; returns how many members now vote the same. */
    @Transactional
    int vote(long fileId, long accountId, String vote, String reason) {
        jdbc.prepareStatement("INSERT INTO committee_vote (file_id, account_id, vote, reason, voted_at) "
                + "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE vote = VALUES(vote), reason = VALUES(reason), "
                + "voted_at = VALUES(voted_at)", s -> {
            s.setLong(1, fileId);
            s.setLong(2, accountId);
            s.setString(3, vote);
            s.setString(4, reason);
            s.setTimestamp(5, now());
            return s.executeUpdate();
        });
        return jdbc.prepareStatement("SELECT COUNT(*) FROM committee_vote WHERE file_id = ? AND vote = ?", s -> {
            s.setLong(1, fileId);
            s.setString(2, vote);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Transactional
    void decide(long fileId, String status, long decidedBy, String reason) {
        jdbc.prepareStatement("UPDATE committee_file SET status = ?, decided_by = ?, decided_at = ?, "
                + "decision_reason = ? WHERE id = ?", s -> {
            s.setString(1, status);
            s.setLong(2, decidedBy);
            s.setTimestamp(3, now());
            s.setString(4, reason);
            s.setLong(5, fileId);
            return s.executeUpdate();
        });
    }

    /** The file waits for the professional; votes cast so far no longer stand once the answer arrives. */
    @Transactional
    void ask(long fileId, String question) {
        jdbc.prepareStatement("UPDATE committee_file SET status = 'more_info', question = ?, question_asked_at = ? "
                + "WHERE id = ?", s -> {
            s.setString(1, question);
            s.setTimestamp(2, now());
            s.setLong(3, fileId);
            return s.executeUpdate();
        });
    }

    /** The professional added evidence: their files waiting for it go back to the commission, votes cleared. */
    @Transactional
    List<Long> reopenAnswered(String professionalId) {
        List<Long> ids = jdbc.prepareStatement("SELECT id FROM committee_file WHERE professional_id = ? "
                + "AND status = 'more_info' FOR UPDATE", s -> {
            s.setString(1, professionalId);
            List<Long> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
            return found;
        });
        for (long id : ids) {
            jdbc.prepareStatement("UPDATE committee_file SET status = 'open' WHERE id = ?", s -> {
                s.setLong(1, id);
                return s.executeUpdate();
            });
            jdbc.prepareStatement("DELETE FROM committee_vote WHERE file_id = ?", s -> {
                s.setLong(1, id);
                return s.executeUpdate();
            });
        }
        return ids;
    }

    @Transactional
    void event(long fileId, String kind, @Nullable Long accountId, String actor, @Nullable String note) {
        jdbc.prepareStatement("INSERT INTO committee_event (file_id, kind, account_id, actor, note, at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", s -> {
            s.setLong(1, fileId);
            s.setString(2, kind);
            s.setObject(3, accountId);
            s.setString(4, actor);
            s.setString(5, note);
            s.setTimestamp(6, now());
            return s.executeUpdate();
        });
    }

    /** The latest steps of all files, newest first: the queue's notifications. */
    @ReadOnly
    List<CommitteeFile.Event> recentEvents(int limit) {
        return jdbc.prepareStatement("SELECT file_id, kind, actor, note, at FROM committee_event "
                + "ORDER BY at DESC, id DESC LIMIT ?", s -> {
            s.setInt(1, limit);
            return events(s.executeQuery());
        });
    }

    private List<CommitteeFile> query(String sql, String parameter) {
        return jdbc.prepareStatement(sql, s -> {
            s.setString(1, parameter);
            List<CommitteeFile> files = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    files.add(new CommitteeFile(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getObject(8, Long.class),
                            rs.getString(9), instant(rs.getTimestamp(10)), rs.getString(11), rs.getString(12),
                            instant(rs.getTimestamp(13)), votes(id), history(id)));
                }
            }
            return files;
        });
    }

    private List<CommitteeFile.Vote> votes(long fileId) {
        return jdbc.prepareStatement("SELECT v.account_id, a.display_name, v.vote, v.reason, v.voted_at "
                + "FROM committee_vote v JOIN account a ON a.id = v.account_id WHERE v.file_id = ? "
                + "ORDER BY v.voted_at", s -> {
            s.setLong(1, fileId);
            List<CommitteeFile.Vote> votes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    votes.add(new CommitteeFile.Vote(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
            return votes;
        });
    }

    private List<CommitteeFile.Event> history(long fileId) {
        return jdbc.prepareStatement("SELECT file_id, kind, actor, note, at FROM committee_event WHERE file_id = ? "
                + "ORDER BY at, id", s -> {
            s.setLong(1, fileId);
            return events(s.executeQuery());
        });
    }

    private static List<CommitteeFile.Event> events(ResultSet rs) throws SQLException {
        List<CommitteeFile.Event> events = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                events.add(new CommitteeFile.Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()));
            }
        }
        return events;
    }

    private static Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    static RequestRefusedException notOpen(String status) {
        return RequestRefusedException.conflict("more_info".equals(status)
                ? "Dit dossier wacht op aanvullingen van de hulpverlener." : "Over dit dossier is al beslist.");
    }
}
