using System.Data.Common;

namespace Trajet.Web.Data;

/// <summary>For the few statements written by hand (start-up backfills, the audit verification's raw reads).</summary>
public static class DbCommands
{
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
