namespace Trajet.Web.Features.Accounts;

/// <summary>A lost or handed-back phone: it gives no field session any more, and the ones it gave end at their next request.</summary>
public static class RevokeDevice
{
    public static async Task<Result<RegisteredDevice>> ExecuteAsync(TrajetDbContext db, UserContext user, Guid deviceId, DateTime now, CancellationToken ct)
    {
        if (!DeviceAccess.MayManage(user))
        {
            return Failure.Forbidden;
        }
        if (await db.RegisteredDevices.Visible(user).SingleOrDefaultAsync(d => d.Id == deviceId, ct) is not { } device)
        {
            return Failure.NotFound;
        }
        device.RevokedAt ??= now;
        await db.SaveChangesAsync(ct);
        return device;
    }
}
