using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Trajet.Web.Data.Migrations;

/// <summary>
/// The one schema history of both providers: every <see cref="Migration"/> with its id, in id order (EF's own lookup
/// wants a copy per context type). A released step is frozen text that never calls app code.
/// </summary>
public sealed class History : IMigrationsAssembly
{
    private static readonly IReadOnlyDictionary<string, TypeInfo> Steps = typeof(History).Assembly.DefinedTypes
        .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract && t.GetCustomAttribute<MigrationAttribute>() is not null)
        .OrderBy(t => t.GetCustomAttribute<MigrationAttribute>()!.Id, StringComparer.Ordinal)
        .ToDictionary(t => t.GetCustomAttribute<MigrationAttribute>()!.Id, t => t);

    public IReadOnlyDictionary<string, TypeInfo> Migrations => Steps;

    public ModelSnapshot? ModelSnapshot => null;

    public Assembly Assembly => typeof(History).Assembly;

    public string? FindMigrationId(string nameOrId) =>
        Steps.Keys.FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(id[15..], nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }
}
