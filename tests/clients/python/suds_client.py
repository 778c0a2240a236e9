"""A client of the Provisioning API built by suds from the served WSDL: token, create, get, list, release.

Usage: /usr/bin/python3 suds_client.py URL LOGIN PASSWORD ADDRESS
Exits 0 only when every step answers OK and the extension reads back as written.
"""
import sys

from suds.client import Client

EXPECTED = {"recordingMode": "ON_DEMAND", "voice": True, "video": True, "im": False}


def fail(message):
    print("FAILED " + message, file=sys.stderr)
    sys.exit(1)


def step(name, status):
    code = getattr(status, "statusCode", None)
    if code != "OK":
        fail(f"{name}: status {code} {getattr(status, 'message', '')}")
    print(f"{name}: OK")


def check(name, extension, address):
    if extension is None:
        fail(f"{name}: no extension in the answer")
    seen = {key: getattr(extension, key, None) for key in EXPECTED}
    if extension.extension != address or seen != EXPECTED:
        fail(f"{name}: expected {address} {EXPECTED}, got {extension.extension} {seen}")
    print(f"{name}: {extension.extension} {seen}")


def main(url, login, password, address):
    # No cache: the WSDL carries the address of a server that exists only for this run.
    client = Client(url + "?wsdl", cache=None)
    service, factory = client.service, client.factory

    answer = service.requestToken(eid="0000", loginName=login, password=password)
    step("requestToken", answer.status)
    token = answer.token

    extension = factory.create("extension")
    extension.eid, extension.extension, extension.recordingMode = "0000", address, "ON_DEMAND"
    extension.voice, extension.video = True, True
    step("createExtension", service.createExtension(token=token, extension=extension))

    environment = factory.create("environmentFilter")
    environment.eid = "0000"
    got = service.getExtension(token=token, environmentFilter=environment, extension=address)
    step("getExtension", got.status)
    check("getExtension", getattr(got, "extension", None), address)

    extension_filter = factory.create("extensionFilter")
    extension_filter.extension = address
    listed = service.listExtensions(token=token, filter=extension_filter)
    step("listExtensions", listed.status)
    extensions = getattr(listed, "extensions", [])
    if len(extensions) != 1:
        fail(f"listExtensions: expected 1 extension, got {len(extensions)}")
    check("listExtensions", extensions[0], address)

    step("releaseToken", service.releaseToken(token=token))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        fail("usage: suds_client.py URL LOGIN PASSWORD ADDRESS")
    main(*sys.argv[1:])
