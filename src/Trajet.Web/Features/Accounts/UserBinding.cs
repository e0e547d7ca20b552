using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Trajet.Web.Features.Accounts;

/// <summary>
/// The signed-in user as a parameter, in endpoints (<see cref="UserContext.BindAsync"/>) and in page handlers (this binder):
/// <c>OnPostAsync(Guid id, UserContext user, …)</c>. Both read <see cref="CurrentUser"/>, once per request.
/// </summary>
public sealed class UserBinding : IModelBinder, IModelBinderProvider
{
    public static void AddTo(MvcOptions options)
    {
        options.ModelBinderProviders.Insert(0, new UserBinding());
        options.ModelMetadataDetailsProviders.Add(new SuppressChildValidationMetadataProvider(typeof(UserContext)));
    }

    public IModelBinder? GetBinder(ModelBinderProviderContext context) => context.Metadata.ModelType == typeof(UserContext) ? this : null;

    public async Task BindModelAsync(ModelBindingContext context)
    {
        var user = await context.HttpContext.RequestServices.GetRequiredService<CurrentUser>().GetAsync(context.HttpContext.RequestAborted);
        context.Result = user is null ? ModelBindingResult.Failed() : ModelBindingResult.Success(user);
        context.BindingSource = BindingSource.Custom;
    }
}
