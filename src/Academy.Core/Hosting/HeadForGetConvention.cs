using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace Academy.Core.Hosting;

/// <summary>Every GET action also answers HEAD, as HTTP expects (monitors, link checkers and calendar clients send it).</summary>
public sealed class HeadForGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            var methods = selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault();
            if (methods is null || !methods.HttpMethods.Contains("GET") || methods.HttpMethods.Contains("HEAD"))
            {
                continue;
            }
            var verbs = methods.HttpMethods.Append("HEAD").ToArray();
            selector.ActionConstraints.Remove(methods);
            selector.ActionConstraints.Add(new HttpMethodActionConstraint(verbs));
            foreach (var metadata in selector.EndpointMetadata.OfType<HttpMethodMetadata>().ToList())
            {
                selector.EndpointMetadata.Remove(metadata);
            }
            selector.EndpointMetadata.Add(new HttpMethodMetadata(verbs));
        }
    }
}
