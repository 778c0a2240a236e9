using System.Xml;
using Provisioning.Core.Model;
using Provisioning.Core.Services;
using Provisioning.Soap.Binding;

namespace Provisioning.Soap.Wire;

/// <summary>How one API version spells an extension; everything else about users and groups is shared.</summary>
public interface IExtensionDialect
{
    ExtensionFields Names { get; }

    /// <summary>An extension as input: <see cref="Extension.MediaChange"/> says what the request asked to record.</summary>
    Extension Read(ElementReader r);

    /// <summary>Writes an extension; inside a user's extensions list without its user.</summary>
    void Write(XmlWriter w, string name, Extension extension, bool withUser);
}
