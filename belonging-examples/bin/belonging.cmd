@echo off
rem The belonging command line on Windows: see the shell script "belonging" beside this file for the options.
setlocal
set "JAR=%~dp0belonging-cli.jar"
if not exist "%JAR%" set "JAR=%~dp0..\target\belonging-cli.jar"
if exist "%JAR%" goto run
echo belonging: no belonging-cli.jar beside %~dp0 or in %~dp0..\target; build it with: mvn -B -q -DskipTests package 1>&2
exit /b 2
:run
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
set "CDS="
if exist "%JAR:~0,-4%.jsa" set CDS="-XX:SharedArchiveFile=%JAR:~0,-4%.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:Tier3BackEdgeThreshold=10000 -XX:+UseParallelGC %CDS% %BELONGING_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
