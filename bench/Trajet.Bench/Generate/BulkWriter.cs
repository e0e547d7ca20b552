using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Trajet.Bench.Generate;

/// <summary>
/// Writes the app's own entity objects in bulk, column by column as the EF model maps them (the
/// same table and column names, enum-to-string conversions, owned types such as Case.Referral):
/// SQLite through one prepared INSERT per table inside the caller's transaction, PostgreSQL
/// through binary COPY. What EF would store is what is stored, only faster.
/// </summary>
public sealed class BulkWriter(IModel model, DbConnection connection, DbTransaction? transaction) : IDisposable
{
    private sealed record Column(string Name, Func<object, object?> Get, RelationalTypeMapping Mapping);

    private sealed record Table(string Name, List<Column> Columns);

    private readonly Dictionary<Type, Table> tables = [];
    private readonly Dictionary<Type, SqliteCommand> inserts = [];

    public long Rows { get; private set; }

    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var table = TableOf(typeof(T));
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, table, rows, ct);
        }
        else
        {
            await InsertAsync(table, typeof(T), rows, ct);
        }
        Rows += rows.Count;
    }

    private Table TableOf(Type type)
    {
        if (tables.TryGetValue(type, out var known))
        {
            return known;
        }
        var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entity.GetProperties())
        {
            columns.Add(ColumnOf(property, store, Getter(property)));
        }
        // Owned types stored in the same table (Case.Referral): their columns, read through the navigation.
        foreach (var navigation in entity.GetNavigations().Where(n => n.ForeignKey.IsOwnership && n.TargetEntityType.GetTableName() == name))
        {
            var owner = Compile(navigation.PropertyInfo!);
            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                var inner = Getter(property);
                columns.Add(ColumnOf(property, store, e => owner(e) is { } o ? inner(o) : null));
            }
        }
        return tables[type] = new Table(name, columns);
    }

    private static Column ColumnOf(IProperty property, StoreObjectIdentifier store, Func<object, object?> get) =>
        new(property.GetColumnName(store)!, get, (RelationalTypeMapping)property.GetTypeMapping());

    private static Func<object, object?> Getter(IProperty property) =>
        property.PropertyInfo is { } info
            ? Compile(info)
            : throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property: the bulk writer cannot read it.");

    private static Func<object, object?> Compile(PropertyInfo info)
    {
        var entity = Expression.Parameter(typeof(object));
        var body = Expression.Convert(Expression.Property(Expression.Convert(entity, info.DeclaringType!), info), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, entity).Compile();
    }

    private static object? ToProvider(Column column, object? value) =>
        value is null ? null : column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;

    private async Task InsertAsync<T>(Table table, Type type, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (!inserts.TryGetValue(type, out var command))
        {
            command = (SqliteCommand)connection.CreateCommand();
            command.Transaction = (SqliteTransaction?)transaction;
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
            for (var i = 0; i < table.Columns.Count; i++)
            {
                // The type mapping configures the parameter as EF does (a Guid as upper-case TEXT, dates as ISO text).
                var parameter = table.Columns[i].Mapping.CreateParameter(command, $"@p{i}", null, nullable: true);
                command.Parameters.Add(parameter);
            }
            command.Prepare();
            inserts[type] = command;
        }
        foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                command.Parameters[i].Value = ToProvider(column, column.Get(row)) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection npgsql, Table table, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var types = table.Columns.Select(c => NpgsqlTypeOf(c.Mapping.StoreType)).ToArray();
        var sql = $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await npgsql.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                if (ToProvider(column, column.Get(row)) is { } value)
                {
                    await importer.WriteAsync(value, types[i], ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }
        await importer.CompleteAsync(ct);
    }

    private static NpgsqlDbType NpgsqlTypeOf(string storeType) => storeType switch
    {
        "uuid" => NpgsqlDbType.Uuid,
        "text" => NpgsqlDbType.Text,
        _ when storeType.StartsWith("character varying", StringComparison.Ordinal) => NpgsqlDbType.Varchar,
        "integer" => NpgsqlDbType.Integer,
        "bigint" => NpgsqlDbType.Bigint,
        "smallint" => NpgsqlDbType.Smallint,
        "boolean" => NpgsqlDbType.Boolean,
        "date" => NpgsqlDbType.Date,
        "timestamp with time zone" => NpgsqlDbType.TimestampTz,
        "timestamp without time zone" => NpgsqlDbType.Timestamp,
        "double precision" => NpgsqlDbType.Double,
        _ when storeType.StartsWith("numeric", StringComparison.Ordinal) => NpgsqlDbType.Numeric,
        _ => throw new InvalidOperationException($"No COPY type for column type {storeType}."),
    };

    public void Dispose()
    {
        foreach (var command in inserts.Values)
        {
            command.Dispose();
        }
    }
}
