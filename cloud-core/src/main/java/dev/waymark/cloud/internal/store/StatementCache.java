package dev.waymark.cloud.internal.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the writer connection's prepared statements for reuse: the parts prepare their SQL in every piece of work,
 * and preparing costs more than running for the small statements of the pipeline. A statement handed out is a view
 * whose {@code close()} returns it to the cache; if the same SQL is prepared again while the first is still out
 * (nested use), a fresh, uncached statement is handed out instead. Used by the writer thread only.
 */
final class StatementCache implements InvocationHandler {

    private final Connection target;
    private final Map<String, PreparedStatement> idle = new HashMap<>();
    private final Map<String, Boolean> out = new HashMap<>();

    private StatementCache(Connection target) {
        this.target = target;
    }

    /** A view of {@code connection} whose single-argument {@code prepareStatement} reuses statements. */
    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new StatementCache(connection));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args != null && args.length == 1
                && args[0] instanceof String sql) {
            return checkOut(sql);
        }
        if (method.getName().equals("close")) {
            closeAll();
        }
        return call(target, method, args);
    }

    private PreparedStatement checkOut(String sql) throws SQLException {
        if (Boolean.TRUE.equals(out.get(sql))) {
            return target.prepareStatement(sql);
        }
        PreparedStatement statement = idle.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = target.prepareStatement(sql);
            idle.put(sql, statement);
        }
        out.put(sql, true);
        PreparedStatement cached = statement;
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (view, method, args) -> {
                    if (method.getName().equals("close")) {
                        cached.clearParameters();
                        cached.clearBatch();
                        out.put(sql, false);
                        return null;
                    }
                    if (method.getName().equals("isClosed")) {
                        return !Boolean.TRUE.equals(out.get(sql)) || cached.isClosed();
                    }
                    return call(cached, method, args);
                });
    }

    private void closeAll() {
        for (PreparedStatement statement : idle.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // Closing the connection next releases it anyway.
            }
        }
        idle.clear();
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
