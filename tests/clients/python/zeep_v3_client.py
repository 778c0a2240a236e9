"""A v3 client built by zeep from the served v3 WSDL, checked after each step by a v2 client built from the v2 WSDL.

Creates an extension recording voice in both directions (incoming 1, outgoing 2), reads it, deletes it.
Usage: /usr/bin/python3 zeep_v3_client.py V3_URL V2_URL LOGIN PASSWORD ADDRESS
Exits 0 only when every step answers as expected on both versions.
"""
import sys

import zeep


def fail(message):
    print("FAILED " + message, file=sys.stderr)
    sys.exit(1)


def expect(name, status, code="OK"):
    seen = status.statusCode if status is not None else None
    if seen != code:
        fail(f"{name}: expected {code}, got {seen} {status.message if status is not None else ''}")
    print(f"{name}: {seen}")


def main(v3_url, v2_url, login, password, address):
    v3 = zeep.Client(v3_url + "?wsdl").service
    v2 = zeep.Client(v2_url + "?wsdl").service
    answer = v3.requestToken(eid="0000", loginName=login, password=password)
    expect("v3 requestToken", answer.status)
    token = answer.token

    expect("v3 createExtension", v3.createExtension(token=token, extension={
        "eid": "0000", "extensionId": address,
        "modalities": {"modalitiesForWS": [{"id": "voice", "directionsForWS": [{"id": 1}, {"id": 2}]}]}}))
    seen = v2.getExtension(token=token, environmentFilter={"eid": "0000"}, extension=address)
    expect("v2 getExtension after create", seen.status)
    if (seen.extension.voice, seen.extension.video) != (True, False):
        fail(f"v2 sees voice={seen.extension.voice} video={seen.extension.video}, expected voice only")

    got = v3.getExtension(token=token, environmentFilter={"eid": "0000"}, extension=address)
    expect("v3 getExtension", got.status)
    modalities = [(m.id, [d.id for d in m.directionsForWS]) for m in got.extension.modalities.modalitiesForWS]
    if modalities != [("voice", [1, 2])]:
        fail(f"v3 reads modalities {modalities}, expected voice in directions 1 and 2")
    print(f"v3 modalities: {modalities}")

    expect("v3 deleteExtension", v3.deleteExtension(token=token, extension={"eid": "0000", "extensionId": address}))
    gone = v2.getExtension(token=token, environmentFilter={"eid": "0000"}, extension=address)
    expect("v2 getExtension after delete", gone.status, "ERROR_NOT_FOUND")
    expect("v3 releaseToken", v3.releaseToken(token=token))


if __name__ == "__main__":
    if len(sys.argv) != 6:
        fail("usage: zeep_v3_client.py V3_URL V2_URL LOGIN PASSWORD ADDRESS")
    main(*sys.argv[1:])
