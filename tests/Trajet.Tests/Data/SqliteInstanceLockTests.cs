using Trajet.Web.Data;

namespace Trajet.Tests.Data;

public sealed class SqliteInstanceLockTests
{
    [Fact]
    public void Restore_CannotTakeTheDatabase_WhileAnInstanceHoldsIt_AndAnInstanceCannotStartDuringARestore()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("trajet-lock-").FullName, "trajet.db");

        using (SqliteInstanceLock.Shared(file))
        using (SqliteInstanceLock.Shared(file))
        {
            Assert.Null(SqliteInstanceLock.TryExclusive(file));
        }
        using (var restore = SqliteInstanceLock.TryExclusive(file))
        {
            Assert.NotNull(restore);
            Assert.Throws<InvalidOperationException>(() => SqliteInstanceLock.Shared(file));
        }
        using var again = SqliteInstanceLock.Shared(file);
    }
}
