# Every dependency comes from a Debian 12 package; scripts/setup.sh installs them.
find_package(fmt REQUIRED)                      # libfmt-dev
find_package(ZLIB REQUIRED)                     # zlib1g-dev
find_package(Eigen3 3.4 REQUIRED NO_MODULE)     # libeigen3-dev
find_package(GeographicLib REQUIRED)            # libgeographiclib-dev (FindGeographicLib.cmake, no imported target)
find_package(GDAL CONFIG REQUIRED)              # libgdal-dev
find_package(GEOS 3.11 CONFIG REQUIRED)         # libgeos-dev
find_package(Boost 1.74 REQUIRED)               # libboost-dev (Asio is header-only)
find_package(CLI11 CONFIG REQUIRED)             # libcli11-dev
find_package(nlohmann_json 3 CONFIG REQUIRED)   # nlohmann-json3-dev
find_package(SQLite3 REQUIRED)                  # libsqlite3-dev
find_package(Threads REQUIRED)

if(NOT TARGET GeographicLib::GeographicLib)
  add_library(GeographicLib::GeographicLib INTERFACE IMPORTED)
  set_target_properties(GeographicLib::GeographicLib PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${GeographicLib_INCLUDE_DIRS}"
    INTERFACE_LINK_LIBRARIES "${GeographicLib_LIBRARIES}")
endif()
