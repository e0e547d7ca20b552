namespace Trajet.Web.Features.Offline;

/// <summary>
/// "This phone": what the device keeps for offline work, what waits to be sent, conflicts to settle, and the button that
/// deletes it all. The server renders the frame; the device's own script fills it from its encrypted store.
/// </summary>
public sealed class IndexModel : PageModel
{
    public bool Works { get; private set; }

    public void OnGet(UserContext user) => Works = OfflineWork.IsFor(user);
}
