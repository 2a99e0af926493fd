@echo off
rem The belonging command line on Windows: see the shell script "belonging" beside this file for the options.
setlocal
set "JAR=%~dp0belonging-cli.jar"
if not exist "%JAR%" set "JAR=%~dp0..\target\belonging-cli.jar"
if not exist "%JAR%" (
  echo belonging: no belonging-cli.jar beside %~dp0 or in %~dp0..\target; build it with: mvn -B -q -DskipTests package 1>&2
  exit /b 2
)
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseParallelGC %BELONGING_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
