namespace Trajet.Web.Data;

/// <summary>
/// A running Trajet holds a shared lock on <c>&lt;database file&gt;.lock</c>; the restore command takes it
/// exclusively, so a restore cannot replace the file under a running app, nor an app start during a restore.
/// (Advisory file locks: other programs are caught by the restore's own check that the file is not open.)
/// </summary>
public sealed class SqliteInstanceLock : IDisposable
{
    private readonly FileStream stream;

    private SqliteInstanceLock(FileStream stream) => this.stream = stream;

    public static string PathFor(string databaseFile) => databaseFile + ".lock";

    /// <summary>For the app: several instances may share the file.</summary>
    public static SqliteInstanceLock Shared(string databaseFile)
    {
        try
        {
            return new(Open(databaseFile, FileShare.ReadWrite));
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"{databaseFile} is being restored: start Trajet when the restore has finished.", e);
        }
    }

    /// <summary>For the restore: null while any instance of Trajet has the database.</summary>
    public static SqliteInstanceLock? TryExclusive(string databaseFile)
    {
        try
        {
            return new(Open(databaseFile, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static FileStream Open(string databaseFile, FileShare share)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databaseFile)!);
        return new FileStream(PathFor(databaseFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
    }

    public void Dispose() => stream.Dispose();
}
