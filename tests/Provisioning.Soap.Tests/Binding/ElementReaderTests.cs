using Provisioning.Soap.Binding;
using Provisioning.Soap.Envelope;
using Provisioning.Soap.Tests.Support;

namespace Provisioning.Soap.Tests.Binding;

/// <summary>Walking children as JAXB binds them: by name, any order, qualified ones absent, unknown ones skipped.</summary>
public sealed class ElementReaderTests
{
    [Fact]
    public void Next_ChildrenInAnyOrder_VisitsEachInDocumentOrder()
    {
        var seen = Elements.Texts("<extension><voice>1</voice><eid>0000</eid><extension>a@b</extension></extension>");

        Assert.Equal([("voice", "1"), ("eid", "0000"), ("extension", "a@b")], seen);
    }

    [Fact]
    public void Next_NamespacedChild_CountsAsAbsent()
    {
        const string Xml = "<extension xmlns:v2='http://v2.provisioning.ws.web.verba.com/'>"
            + "<v2:eid>0000</v2:eid><extension>a@b</extension><x:eid xmlns:x='urn:x'>0001</x:eid></extension>";

        Assert.Equal([("extension", "a@b")], Elements.Texts(Xml));
    }

    [Fact]
    public void Next_DefaultNamespaceOnChild_CountsAsAbsent()
    {
        Assert.Empty(Elements.Texts("<extension><eid xmlns='urn:x'>0000</eid></extension>"));
    }

    [Fact]
    public void Next_UnknownChildWithContent_IsSkippedWhole()
    {
        var seen = Elements.Read("<extension><other><eid>9999</eid></other><eid>0000</eid></extension>", r =>
        {
            var names = new List<string>();
            while (r.Next())
            {
                names.Add(r.Name);
                if (r.Name == "eid")
                {
                    Assert.Equal("0000", r.Text());
                }
                else
                {
                    r.Skip();
                }
            }
            return names;
        });

        Assert.Equal(["other", "eid"], seen);
    }

    [Fact]
    public void Next_ChildLeftUnread_MovesToItsNextSibling()
    {
        var seen = Elements.Read("<user><extensions><id>1</id></extensions><loginName>a</loginName></user>", r =>
        {
            Assert.True(r.Next());
            Assert.True(r.Next());
            return (r.Name, r.Text());
        });

        Assert.Equal(("loginName", "a"), seen);
    }

    [Theory]
    [InlineData("<extension/>")]
    [InlineData("<extension></extension>")]
    [InlineData("<extension>  text  <!-- c --></extension>")]
    public void Next_NoChildElements_IsFalse(string xml)
    {
        Assert.Empty(Elements.Texts(xml));
    }

    [Fact]
    public void Child_ReadToItsEnd_ParentContinuesWithItsNextSibling()
    {
        var (id, after) = Elements.Read("<extension><user><id>4</id><x>y</x></user><eid>0000</eid></extension>", r =>
        {
            Assert.True(r.Next());
            var user = r.Child();
            Assert.True(user.Next());
            var id = user.Identifier();
            Assert.True(user.Next());
            Assert.False(user.Next());
            Assert.True(r.Next());
            return (id, r.Text());
        });

        Assert.Equal((4L, "0000"), (id, after));
    }

    [Fact]
    public void Child_Nested_PathNamesTheWholeWay()
    {
        var field = Elements.Read("<user><extensions><im/></extensions></user>", r =>
        {
            Assert.True(r.Next());
            var child = r.Child();
            Assert.True(child.Next());
            return child.Field;
        }, path: "user");

        Assert.Equal("user.extensions.im", field);
    }

    [Fact]
    public void Text_ContainsAnElement_IsClientFaultNamingTheField()
    {
        var fault = Elements.Fault("<extension><eid>00<b>0</b>0</eid></extension>", r => r.Text());

        Assert.Equal(FaultCode.Client, fault.Code);
        Assert.Equal("Cannot read extension.eid: it is a simple value and cannot contain the element <b>", fault.Message);
    }

    [Fact]
    public void Text_EmptyElement_IsEmptyString()
    {
        Assert.Equal(string.Empty, Elements.Child("<extension><agentId/></extension>", r => r.Text()));
    }

    [Fact]
    public void Text_CdataAndEntities_AreJoined()
    {
        Assert.Equal("a<b&c", Elements.Child("<extension><name>a<![CDATA[<b]]>&amp;c</name></extension>", r => r.Text()));
    }

    [Fact]
    public void Text_CommentInside_IsIgnored()
    {
        Assert.Equal("ab", Elements.Child("<extension><name>a<!-- x -->b</name></extension>", r => r.Text()));
    }

    [Fact]
    public void Constructor_DeeperThanMaxDepth_IsClientFault()
    {
        var limits = new ReaderLimits(maxDepth: 3);
        const string Xml = "<a><b><c><d><e><f/></e></d></c></b></a>";

        var fault = Assert.Throws<SoapFaultException>(() => Elements.Read(Xml, r => Descend(r), limits));

        Assert.Equal(FaultCode.Client, fault.Code);
        Assert.Equal("Couldn't create SOAP message due to exception: XML reader error: the document is nested deeper than 3 levels", fault.Message);
    }

    [Fact]
    public void Constructor_AtMaxDepth_Reads()
    {
        var depth = Elements.Read("<a><b><c><d/></c></b></a>", Descend, new ReaderLimits(maxDepth: 3));

        Assert.Equal(3, depth);
    }

    [Fact]
    public void Next_MoreElementsThanMaxElements_IsClientFault()
    {
        var limits = new ReaderLimits(maxElements: 3);

        var fault = Assert.Throws<SoapFaultException>(() => Elements.Texts("<r><a/><x:b xmlns:x='urn:x'/><c/><d/></r>", limits));

        Assert.Equal(FaultCode.Client, fault.Code);
        Assert.EndsWith("the request has more than 3 elements", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_ExactlyMaxElements_Reads()
    {
        Assert.Equal(3, Elements.Texts("<r><a/><b/><c/></r>", new ReaderLimits(maxElements: 3)).Count);
    }

    [Fact]
    public void Text_LongerThanMaxStringLength_IsClientFaultNamingTheField()
    {
        var fault = Elements.Fault("<extension><extension>123456</extension></extension>", r => r.Text(), new ReaderLimits(maxStringLength: 5));

        Assert.Equal(FaultCode.Client, fault.Code);
        Assert.Equal("Cannot read extension.extension: the value has 6 characters, more than 5", fault.Message);
    }

    [Fact]
    public void Text_AtMaxStringLength_Reads()
    {
        Assert.Equal("12345", Elements.Child("<extension><extension>12345</extension></extension>", r => r.Text(), new ReaderLimits(maxStringLength: 5)));
    }

    /// <summary>Follows the first child down as far as it goes; returns the depth of the deepest reader made.</summary>
    private static int Descend(ElementReader r) => r.Next() ? Descend(r.Child()) : r.Path.Count(c => c == '.');
}
