#!/usr/bin/python3
"""A real RTSP server for the engine's tests: GStreamer's RtspServer serving a live test pattern.

usage: rtsp_server.py PORT MOUNT [FPS]
Listens on 127.0.0.1:PORT, serves rtsp://127.0.0.1:PORT/MOUNT (H.264, 320x240), prints READY when listening,
runs until killed.
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def main():
    port, mount = sys.argv[1], sys.argv[2]
    fps = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(
        "( videotestsrc is-live=true pattern=ball ! video/x-raw,width=320,height=240,framerate=%d/1 "
        "! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=%d threads=1 "
        "! rtph264pay name=pay0 pt=96 config-interval=1 )" % (fps, fps))
    factory.set_shared(True)
    server.get_mount_points().add_factory("/" + mount, factory)
    if server.attach(None) == 0:
        print("cannot listen on port " + port, flush=True)
        sys.exit(1)
    print("READY", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
