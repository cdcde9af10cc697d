; Inno Setup script for GDPR Desk: a per-user installer around the PyInstaller bundle.
;
; Built by installer\build.py --installer on Windows, which passes the version and the bundle:
;     iscc /DAppVersion=<desktop.__version__> /DBundleDir=<dist\gdpr-desk> installer\windows\gdpr-desk.iss
; The version is never written here: it comes from desktop/__init__.py through the build.
; Needs Inno Setup 6.4 or newer, the first with an official Swedish translation.

#ifndef AppVersion
  #error AppVersion is not set: build with "python installer\build.py --installer" or pass /DAppVersion=
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\gdpr-desk"
#endif
#if Ver < EncodeVer(6, 4, 0)
  #error Inno Setup 6.4 or newer is needed (Languages\Swedish.isl is official from 6.4)
#endif

#define AppName "GDPR Desk"
#define AppExe "gdpr-desk.exe"
#define CliExe "gdpr-desk-cli.exe"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{6F1B7C52-3D7E-4C4A-9B8E-2A5D0F4C9E31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
#ifdef AppVersionNumeric
VersionInfoVersion={#AppVersionNumeric}
#endif
; Per user by default (no administrator needed); the first page offers "all users" to those who can.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#BundleDir}\_internal\resources\icons\gdpr-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputBaseFilename=gdpr-desk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
; Bokmål first: Setup falls back to the first language when none matches the user's.
Name: "nb"; MessagesFile: "compiler:Languages\Norwegian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "sv"; MessagesFile: "compiler:Languages\Swedish.isl"

[CustomMessages]
nb.DataKept=GDPR Desk er avinstallert. Datamappen din er beholdt, med databaser, nøkkelfiler og logger som kan inneholde kundeopplysninger og tilgangslogger:%n%n%1%n%nInnstillingene og nøklene i Windows' legitimasjonsbehandling er også beholdt. Slett dem selv når butikkens rutiner sier at de ikke lenger trengs.
en.DataKept=GDPR Desk has been uninstalled. Your data folder was kept, with the databases, key files and logs that may hold customer data and access logs:%n%n%1%n%nThe settings and the keys in Windows Credential Manager were kept too. Delete them yourself when the shop's routines say they are no longer needed.
sv.DataKept=GDPR Desk har avinstallerats. Din datamapp har behållits, med databaser, nyckelfiler och loggar som kan innehålla kunduppgifter och åtkomstloggar:%n%n%1%n%nInställningarna och nycklarna i Windows autentiseringshanterare har också behållits. Radera dem själv när butikens rutiner säger att de inte längre behövs.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's internals whole, so no module of the older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The uninstaller removes only what Setup installed. The data folder is the desk's own
  (platformdirs: %LOCALAPPDATA%\GDPR Desk\gdpr-desk) and holds personal data, which the shop
  keeps or erases under its own retention rules, so it stays; the message says where it is. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\GDPR Desk\gdpr-desk')]),
      mbInformation, MB_OK);
end;
