package be.venpmg.nestkaart;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row count and content checksum of every Nestkaart table: equal snapshots mean nothing changed. */
public record TableSnapshot(Map<String, String> tables) {

    public static TableSnapshot of(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        Map<String, String> tables = new LinkedHashMap<>();
        for (String name : names) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM `" + name + "`");
                 Statement checksum = connection.createStatement();
                 ResultSet sum = checksum.executeQuery("CHECKSUM TABLE `" + name + "`")) {
                rs.next();
                sum.next();
                tables.put(name, rs.getLong(1) + " rows, checksum " + sum.getLong(2));
            }
        }
        return new TableSnapshot(tables);
    }

    public long rows(String table) {
        return Long.parseLong(tables.get(table).split(" ")[0]);
    }
}
