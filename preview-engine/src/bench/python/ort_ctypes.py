"""The part of onnxruntime's Python API the peer loop uses (InferenceSession, SessionOptions, run), over ONNX
Runtime's C API through ctypes.

Why: the onnxruntime wheel cannot be installed here (not in Debian, PyPI unreachable), but the same native library
ships in the onnxruntime jar the engine runs on. Calling it from Python keeps the peer honest: the same inference
code and version as the engine, with Python, numpy and OpenCV doing everything else, as in the loop users write.
Like onnxruntime.InferenceSession.run, run() returns numpy arrays that own their data (copied out of ORT's outputs).

Function indices are positions in ONNX Runtime's OrtApi table (onnxruntime_c_api.h), which only ever grows.
"""
import ctypes
import glob
import os
import tempfile
import zipfile

import numpy as np

_API_VERSION = 16  # any version <= the library's; 16 has everything used here
_ELEMENT_TYPES = {np.dtype(np.float32): 1, np.dtype(np.uint8): 2, np.dtype(np.float16): 10}
_NUMPY_TYPES = {v: k for k, v in _ELEMENT_TYPES.items()}

_p = ctypes.c_void_p
_pp = ctypes.POINTER(ctypes.c_void_p)
_size = ctypes.c_size_t
_FUNCTIONS = {
    # name: (index, return type, argument types); a None return type means OrtStatus* (null = success)
    "GetErrorMessage": (2, ctypes.c_char_p, [_p]),
    "CreateEnv": (3, None, [ctypes.c_int, ctypes.c_char_p, _pp]),
    "CreateSession": (7, None, [_p, ctypes.c_char_p, _p, _pp]),
    "Run": (9, None, [_p, _p, ctypes.POINTER(ctypes.c_char_p), _pp, _size, ctypes.POINTER(ctypes.c_char_p),
                      _size, _pp]),
    "CreateSessionOptions": (10, None, [_pp]),
    "SetIntraOpNumThreads": (24, None, [_p, ctypes.c_int]),
    "SetInterOpNumThreads": (25, None, [_p, ctypes.c_int]),
    "SessionGetInputCount": (30, None, [_p, ctypes.POINTER(_size)]),
    "SessionGetOutputCount": (31, None, [_p, ctypes.POINTER(_size)]),
    "SessionGetInputName": (36, None, [_p, _size, _p, ctypes.POINTER(ctypes.c_char_p)]),
    "SessionGetOutputName": (37, None, [_p, _size, _p, ctypes.POINTER(ctypes.c_char_p)]),
    "CreateTensorWithDataAsOrtValue": (49, None, [_p, _p, _size, ctypes.POINTER(ctypes.c_int64), _size,
                                                  ctypes.c_int, _pp]),
    "GetTensorMutableData": (51, None, [_p, _pp]),
    "GetTensorElementType": (60, None, [_p, ctypes.POINTER(ctypes.c_int)]),
    "GetDimensionsCount": (61, None, [_p, ctypes.POINTER(_size)]),
    "GetDimensions": (62, None, [_p, ctypes.POINTER(ctypes.c_int64), _size]),
    "GetTensorTypeAndShape": (65, None, [_p, _pp]),
    "CreateCpuMemoryInfo": (69, None, [ctypes.c_int, ctypes.c_int, _pp]),
    "GetAllocatorWithDefaultOptions": (78, None, [_pp]),
    "ReleaseEnv": (92, "void", [_p]),
    "ReleaseStatus": (93, "void", [_p]),
    "ReleaseMemoryInfo": (94, "void", [_p]),
    "ReleaseSession": (95, "void", [_p]),
    "ReleaseValue": (96, "void", [_p]),
    "ReleaseTensorTypeAndShapeInfo": (99, "void", [_p]),
    "ReleaseSessionOptions": (100, "void", [_p]),
}


class OrtError(RuntimeError):
    pass


class _OrtApiBase(ctypes.Structure):
    _fields_ = [("GetApi", ctypes.CFUNCTYPE(_p, ctypes.c_uint32)),
                ("GetVersionString", ctypes.CFUNCTYPE(ctypes.c_char_p))]


def find_library():
    """$ORT_LIBRARY; else libonnxruntime.so unpacked (once) from the jar in $ORT_JAR (`bench --peer` passes the one
    the engine runs on), else from the newest onnxruntime jar in ~/.m2."""
    if os.environ.get("ORT_LIBRARY"):
        return os.environ["ORT_LIBRARY"]
    jars = [os.environ["ORT_JAR"]] if os.environ.get("ORT_JAR") else sorted(glob.glob(os.path.expanduser(
        "~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/*/onnxruntime-*.jar")))
    jars = [j for j in jars if not j.endswith(("-sources.jar", "-javadoc.jar"))]
    if not jars:
        raise OrtError("no ONNX Runtime library: set ORT_LIBRARY or ORT_JAR, or build the project (mvn) so that"
                       " the onnxruntime jar is in ~/.m2")
    jar = jars[-1]
    target = os.path.join(tempfile.gettempdir(), "sd-peer-ort", os.path.basename(jar)[:-4])
    lib = os.path.join(target, "libonnxruntime.so")
    if not os.path.exists(lib):
        os.makedirs(target, exist_ok=True)
        with zipfile.ZipFile(jar) as z, open(lib + ".part", "wb") as out:
            out.write(z.read("ai/onnxruntime/native/linux-x64/libonnxruntime.so"))
        os.replace(lib + ".part", lib)
    return lib


class _Api:
    def __init__(self, path):
        lib = ctypes.CDLL(path)
        lib.OrtGetApiBase.restype = ctypes.POINTER(_OrtApiBase)
        base = lib.OrtGetApiBase().contents
        self.version = base.GetVersionString().decode()
        table = ctypes.cast(base.GetApi(_API_VERSION), ctypes.POINTER(_p))
        if not table:
            raise OrtError("ONNX Runtime %s at %s does not offer C API version %d" % (self.version, path,
                                                                                        _API_VERSION))
        for name, (index, restype, argtypes) in _FUNCTIONS.items():
            ret = None if restype == "void" else (_p if restype is None else restype)
            fn = ctypes.CFUNCTYPE(ret, *argtypes)(table[index])
            setattr(self, "_" + name, fn)
            setattr(self, name, self._checked(name, fn) if restype is None else fn)

    def _checked(self, name, fn):
        def call(*args):
            status = fn(*args)
            if status:
                message = self._GetErrorMessage(status).decode(errors="replace")
                self.ReleaseStatus(status)
                raise OrtError("%s: %s" % (name, message))
        return call


_api = None


def api():
    global _api
    if _api is None:
        _api = _Api(find_library())
    return _api


def get_version_string():
    return api().version


class SessionOptions:
    def __init__(self):
        self.intra_op_num_threads = 0
        self.inter_op_num_threads = 0


class NodeArg:
    def __init__(self, name):
        self.name = name


class InferenceSession:
    def __init__(self, path, sess_options=None, providers=None):
        a = api()
        self._a = a
        self._env = _p()
        a.CreateEnv(3, b"peer", ctypes.byref(self._env))  # 3 = errors only
        options = _p()
        a.CreateSessionOptions(ctypes.byref(options))
        try:
            if sess_options is not None:
                a.SetIntraOpNumThreads(options, sess_options.intra_op_num_threads)
                a.SetInterOpNumThreads(options, sess_options.inter_op_num_threads)
            self._session = _p()
            a.CreateSession(self._env, os.fsencode(path), options, ctypes.byref(self._session))
        finally:
            a.ReleaseSessionOptions(options)
        self._memory = _p()
        a.CreateCpuMemoryInfo(1, 0, ctypes.byref(self._memory))  # arena allocator, default memory
        self._inputs = self._names(a.SessionGetInputCount, a.SessionGetInputName)
        self._outputs = self._names(a.SessionGetOutputCount, a.SessionGetOutputName)

    def _names(self, count_fn, name_fn):
        allocator = _p()
        self._a.GetAllocatorWithDefaultOptions(ctypes.byref(allocator))
        n = _size()
        count_fn(self._session, ctypes.byref(n))
        names = []
        for i in range(n.value):
            name = ctypes.c_char_p()
            name_fn(self._session, i, allocator, ctypes.byref(name))
            names.append(name.value.decode())  # a few bytes per session, left to the default allocator
        return names

    def get_inputs(self):
        return [NodeArg(n) for n in self._inputs]

    def get_outputs(self):
        return [NodeArg(n) for n in self._outputs]

    def run(self, output_names, input_feed):
        a = self._a
        output_names = output_names or self._outputs
        arrays = [np.ascontiguousarray(v) for v in input_feed.values()]
        values = (_p * len(arrays))()
        try:
            for i, arr in enumerate(arrays):
                shape = (ctypes.c_int64 * arr.ndim)(*arr.shape)
                value = _p()
                a.CreateTensorWithDataAsOrtValue(self._memory, arr.ctypes.data, arr.nbytes, shape, arr.ndim,
                                                 _ELEMENT_TYPES[arr.dtype], ctypes.byref(value))
                values[i] = value
            in_names = (ctypes.c_char_p * len(arrays))(*[k.encode() for k in input_feed])
            out_names = (ctypes.c_char_p * len(output_names))(*[n.encode() for n in output_names])
            outputs = (_p * len(output_names))()
            a.Run(self._session, None, in_names, values, len(arrays), out_names, len(output_names), outputs)
            try:
                return [self._to_numpy(outputs[i]) for i in range(len(output_names))]
            finally:
                for i in range(len(output_names)):
                    if outputs[i]:
                        a.ReleaseValue(outputs[i])
        finally:
            for i in range(len(arrays)):
                if values[i]:
                    a.ReleaseValue(values[i])

    def _to_numpy(self, value):
        a = self._a
        info = _p()
        a.GetTensorTypeAndShape(value, ctypes.byref(info))
        try:
            element = ctypes.c_int()
            a.GetTensorElementType(info, ctypes.byref(element))
            n = _size()
            a.GetDimensionsCount(info, ctypes.byref(n))
            dims = (ctypes.c_int64 * n.value)()
            a.GetDimensions(info, dims, n.value)
        finally:
            a.ReleaseTensorTypeAndShapeInfo(info)
        data = _p()
        a.GetTensorMutableData(value, ctypes.byref(data))
        dtype = _NUMPY_TYPES[element.value]
        count = int(np.prod(list(dims))) if n.value else 1
        buf = (ctypes.c_char * (count * dtype.itemsize)).from_address(data.value)
        return np.frombuffer(buf, dtype=dtype).reshape(list(dims)).copy()

    def __del__(self):
        a = getattr(self, "_a", None)
        if a is None:
            return
        for name, release in (("_memory", a.ReleaseMemoryInfo), ("_session", a.ReleaseSession),
                              ("_env", a.ReleaseEnv)):
            handle = getattr(self, name, None)
            if handle:
                release(handle)
