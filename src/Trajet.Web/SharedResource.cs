namespace Trajet.Web;

/// <summary>Marker for the one set of UI strings: Resources/SharedResource.{fr,nl}.resx; English is the key.</summary>
public sealed class SharedResource;
